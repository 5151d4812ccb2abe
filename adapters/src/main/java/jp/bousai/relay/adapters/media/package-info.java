/** Media receivers: L-Alert style SOAP pushes and signed webhooks of JSON or CAP, with receipts. */
package jp.bousai.relay.adapters.media;
