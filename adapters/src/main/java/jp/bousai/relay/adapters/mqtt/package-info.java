/** The MQTT channel: Paho MQTT 5 publisher, topic tree and retained state. */
package jp.bousai.relay.adapters.mqtt;
