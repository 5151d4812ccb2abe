/** Media receivers: their definitions, registry, admin API and delivery receipts. */
package jp.bousai.relay.server.receivers;
