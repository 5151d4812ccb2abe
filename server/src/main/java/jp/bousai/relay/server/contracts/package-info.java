/**
 * The published contracts: the OpenAPI 3.1 description of the HTTP API ({@code /openapi.json})
 * and the JSON Schemas of the advisory and of the records the server writes ({@code /schemas/}).
 */
package jp.bousai.relay.server.contracts;
