/** Configuration: the YAML file, environment overrides and the typed options they produce. */
package jp.bousai.relay.server.config;
