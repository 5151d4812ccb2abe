/** The runnable application: main, composition root, configuration and HTTP. */
package jp.bousai.relay.server;
