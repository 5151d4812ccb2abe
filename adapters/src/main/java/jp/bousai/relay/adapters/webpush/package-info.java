/**
 * Web Push, the parts every push shares: message encryption (RFC 8291, {@code aes128gcm} of
 * RFC 8188), VAPID (RFC 8292) keys and tokens, and the request a push sends (RFC 8030 headers and
 * the notification payload). Built on the JDK's crypto only. See {@code docs/webpush.md}.
 */
package jp.bousai.relay.adapters.webpush;
