// Package: nanoFramework.System.Net 1.11.60 (namespace System.Security.Cryptography.X509Certificates).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.10: the MqttClient
// constructor's certificate parameters); never runs.

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
    }
}
