/** OASIS CAP 1.2 inbound: schema and rule validation, and the mapping onto advisories (docs/formats.md). */
package jp.bousai.relay.adapters.cap;
