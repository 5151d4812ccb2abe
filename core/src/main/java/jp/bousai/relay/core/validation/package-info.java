/** The rules an advisory must meet, reported all at once with a JSON pointer per field. */
package jp.bousai.relay.core.validation;
