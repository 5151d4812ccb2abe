/** Liveness and readiness, including a blocked-event-loop check. */
package jp.bousai.relay.server.health;
