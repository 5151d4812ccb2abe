/** Safe parsing of untrusted XML (CAP, Commons): no DTDs, bounded depth, UTF-8 only, located errors. */
package jp.bousai.relay.adapters.xml;
