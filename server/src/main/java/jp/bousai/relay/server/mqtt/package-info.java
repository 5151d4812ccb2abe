/** MQTT wiring in the server: the embedded broker and the retained-state expiry sweep. */
package jp.bousai.relay.server.mqtt;
