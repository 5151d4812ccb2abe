/** Who may issue for which area: issuers and the policy that checks them. */
package jp.bousai.relay.core.auth;
