/**
 * The advisory model: one send of a disaster-information document with its category-specific
 * body, independent of the format it arrived in.
 */
package jp.bousai.relay.core.advisory;
