package jp.digilab.app.console.review;

import jp.digilab.app.security.Role;
import jp.digilab.jobs.definition.JobDefinition;

import org.springframework.security.core.Authentication;

/**
 * Who may see My Numbers (個人番号) unmasked in the review queue, its crops and the review
 * API: the permission {@value #REVEAL}. Administrators hold it for every job; reviewers
 * only for a job whose definition says {@code review: { revealMyNumbers: true }}. Anyone
 * else sees {@code ********1234}, and no crop of a My Number field (the crop would show
 * the digits).
 */
final class MyNumberPolicy {

	/** The permission's name, as the docs and the audit log call it. */
	static final String REVEAL = "mynumber.reveal";

	static final String TYPE = "mynumber";

	private MyNumberPolicy() {
	}

	static boolean mayReveal(Authentication authentication, JobDefinition job) {
		if (Role.ADMIN.isHeldBy(authentication)) {
			return true;
		}
		return Role.REVIEWER.isHeldBy(authentication) && job != null && job.review().revealMyNumbers();
	}

}
