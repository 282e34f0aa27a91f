// Package: nanoFramework.M2Mqtt 5.1.220 (+ nanoFramework.M2Mqtt.Core 5.1.220) (namespaces nanoFramework.M2Mqtt,
// nanoFramework.M2Mqtt.Messages).
// Compile-only declaration written from the public API (shared/reference/nanoframework.md §4.10); never runs.

using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }

    public enum MqttReasonCode : byte
    {
        Success = 0x00,
    }

    public class MqttMsgPublishEventArgs : EventArgs
    {
        public string Topic => throw new NotImplementedException();

        public byte[] Message => throw new NotImplementedException();
    }

    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public ushort MessageId => throw new NotImplementedException();

        public bool IsPublished => throw new NotImplementedException();
    }

    public class MqttMsgSubscribedEventArgs : EventArgs
    {
        public ushort MessageId => throw new NotImplementedException();
    }
}

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        TLSv1_2,
    }

    public class MqttClient
    {
        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            throw new NotImplementedException();
        }

        public event MqttMsgPublishEventHandler MqttMsgPublishReceived
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        public event MqttMsgPublishedEventHandler MqttMsgPublished
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        public event MqttMsgSubscribedEventHandler MqttMsgSubscribed
        {
            add => throw new NotImplementedException();
            remove => throw new NotImplementedException();
        }

        public bool IsConnected => throw new NotImplementedException();

        public MqttReasonCode Connect(
            string clientId,
            string username,
            string password,
            bool willRetain,
            MqttQoSLevel willQosLevel,
            bool willFlag,
            string willTopic,
            string willMessage,
            bool cleanSession,
            ushort keepAlivePeriod)
        {
            throw new NotImplementedException();
        }

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels)
        {
            throw new NotImplementedException();
        }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            throw new NotImplementedException();
        }

        public void Disconnect()
        {
            throw new NotImplementedException();
        }

        public void Close()
        {
            throw new NotImplementedException();
        }
    }
}
