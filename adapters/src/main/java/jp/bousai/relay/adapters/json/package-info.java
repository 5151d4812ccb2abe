/** The canonical JSON representation of advisories: the JSON API's format and every JSON output. */
package jp.bousai.relay.adapters.json;
