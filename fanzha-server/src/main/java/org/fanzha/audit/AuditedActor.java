package org.fanzha.audit;

/**
 * Implemented by the authenticated principal so that the audit can name the person and
 * agency without depending on the identity module.
 */
public interface AuditedActor {

	String username();

	String agencyCode();

}
