/** The lifecycle every long-lived part of the relay follows. */
package jp.bousai.relay.core.lifecycle;
