using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Ambient planter")]
[assembly: AssemblyDescription("Ambient Planter firmware for .NET nanoFramework 1.17 (ESP32)")]
[assembly: AssemblyCompany("Ambient")]
[assembly: AssemblyProduct("Ambient")]
[assembly: AssemblyCopyright("Ambient contributors")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
