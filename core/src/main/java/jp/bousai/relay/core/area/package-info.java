/** Areas: JIS X 0402 municipality and prefecture codes, prefecture names and area filters. */
package jp.bousai.relay.core.area;
