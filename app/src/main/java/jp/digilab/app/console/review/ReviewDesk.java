package jp.digilab.app.console.review;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.imageio.ImageIO;

import jp.digilab.app.ScheduledRuns;
import jp.digilab.app.security.AuditLog;
import jp.digilab.app.security.ConsoleUser;
import jp.digilab.app.security.Role;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.review.FieldCrops;
import jp.digilab.jobs.review.ReviewEntry;
import jp.digilab.jobs.review.ReviewItem;
import jp.digilab.jobs.review.ReviewService;
import jp.digilab.jobs.review.ReviewService.EntryOutcome;
import jp.digilab.jobs.review.ReviewStage;
import jp.digilab.ocr.FieldResult;
import jp.digilab.ocr.field.MyNumber;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The review queue as the console pages and the REST API both use it: department scoping,
 * double entry, My Number masking, crops, the audit log, and the run's follow-up once its
 * last doubtful record is decided. Audit entries name records, rounds and field names,
 * never values.
 */
@Service
class ReviewDesk {

	private final ReviewService reviews;

	private final FieldCrops crops;

	private final AuditLog audit;

	private final ScheduledRuns runs;

	ReviewDesk(ReviewService reviews, FieldCrops crops, AuditLog audit, ScheduledRuns runs) {
		this.reviews = reviews;
		this.crops = crops;
		this.audit = audit;
		this.runs = runs;
	}

	/**
	 * The records this user may review now: their department's (every department's for an
	 * administrator), without those they have already entered in double-entry mode.
	 */
	List<ReviewItem> queue(Authentication authentication) {
		List<ReviewItem> items;
		if (Role.ADMIN.isHeldBy(authentication)) {
			items = this.reviews.queue(null);
		}
		else {
			String department = ConsoleUser.departmentOf(authentication);
			items = (department != null) ? this.reviews.queue(department) : List.of();
		}
		String user = authentication.getName();
		Map<String, Boolean> doubleEntry = new HashMap<>();
		return items.stream()
			.filter((i) -> this.reviews.stage(i, user,
					doubleEntry.computeIfAbsent(i.jobId(),
							(job) -> this.reviews.doubleEntry(i))) != ReviewStage.ENTERED_BY_YOU)
			.toList();
	}

	/**
	 * A record the user may see; another department's record is as if it did not exist.
	 */
	ReviewItem visible(String recordKey, Authentication authentication) {
		ReviewItem item = this.reviews.find(recordKey)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No record " + recordKey));
		if (!Role.ADMIN.isHeldBy(authentication)
				&& !Objects.equals(item.department(), ConsoleUser.departmentOf(authentication))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No record " + recordKey);
		}
		return item;
	}

	ReviewView view(String recordKey, Authentication authentication) {
		ReviewItem item = visible(recordKey, authentication);
		ReviewStage stage = this.reviews.stage(item, authentication.getName());
		JobDefinition job = this.reviews.job(item).orElse(null);
		boolean reveal = MyNumberPolicy.mayReveal(authentication, job);
		List<ReviewView.FieldView> fields = new ArrayList<>();
		for (String name : item.doubtfulFields()) {
			FieldResult field = item.fields().get(name);
			boolean masked = masked(item, name, reveal);
			String value = stage.blind() ? "" : (masked ? MyNumber.mask(field.value()) : field.value());
			fields.add(new ReviewView.FieldView(name, item.label(name), item.type(name), value,
					stage.blind() ? null : field.confidence(), stage.blind() ? List.of() : field.reasons(),
					field.page(), masked, item.scan() != null && !masked));
		}
		List<ReviewView.EntryView> entries = new ArrayList<>();
		if (stage == ReviewStage.THIRD_REVIEW) {
			for (ReviewEntry entry : this.reviews.entries(recordKey)) {
				Map<String, String> values = new LinkedHashMap<>(entry.values());
				values.replaceAll((name, value) -> masked(item, name, reveal) ? MyNumber.mask(value) : value);
				entries.add(new ReviewView.EntryView(entry.round(), entry.username(), values));
			}
		}
		return new ReviewView(item.recordKey(), item.runId(), item.jobId(), item.department(), item.sourceFile(),
				item.pages(), stage, stage != ReviewStage.SINGLE, fields, entries, next(recordKey, authentication));
	}

	/**
	 * Approves a record with the values the reviewer typed for its doubtful fields, or in
	 * double-entry mode records the reviewer's entry. Values of fields the reviewer may
	 * not see unmasked are ignored.
	 */
	EntryOutcome approve(String recordKey, Map<String, String> typed, long seconds, Authentication authentication) {
		ReviewItem item = visible(recordKey, authentication);
		String user = authentication.getName();
		boolean reveal = MyNumberPolicy.mayReveal(authentication, this.reviews.job(item).orElse(null));
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : item.doubtfulFields()) {
			String value = typed.get(name);
			if (value != null && !masked(item, name, reveal)) {
				values.put(name, value);
			}
		}
		ReviewStage stage = this.reviews.stage(item, user);
		EntryOutcome outcome;
		if (stage == ReviewStage.SINGLE) {
			Map<String, String> corrected = new LinkedHashMap<>(values);
			corrected.entrySet().removeIf((e) -> e.getValue().equals(item.fields().get(e.getKey()).value()));
			this.reviews.approve(recordKey, corrected, seconds, user);
			this.audit.record(user, "REVIEW_APPROVE", recordKey,
					"corrected fields: " + String.join(",", corrected.keySet()));
			outcome = EntryOutcome.APPROVED;
		}
		else {
			int round = this.reviews.entries(recordKey).size() + 1;
			outcome = this.reviews.enter(recordKey, values, seconds, user);
			this.audit.record(user, "REVIEW_ENTRY", recordKey, "round " + Math.min(round, 3) + ": " + outcome);
			if (outcome == EntryOutcome.APPROVED) {
				this.audit.record(user, "REVIEW_APPROVE", recordKey,
						(round >= 3) ? "double entry: decided by a third reviewer" : "double entry: entries agree");
			}
		}
		if (outcome == EntryOutcome.APPROVED) {
			finishIfReviewed(item);
		}
		return outcome;
	}

	void reject(String recordKey, String reason, long seconds, Authentication authentication) {
		ReviewItem item = visible(recordKey, authentication);
		this.reviews.reject(recordKey, reason, seconds, authentication.getName());
		// the reason is free text that may quote the form: not in the audit log
		this.audit.record(authentication.getName(), "REVIEW_REJECT", recordKey, null);
		finishIfReviewed(item);
	}

	/**
	 * The PNG crop of a field of a record this user may see. A My Number field the user
	 * may not see unmasked is refused (403): the crop would show the digits.
	 */
	byte[] cropPng(String recordKey, String field, Authentication authentication) {
		ReviewItem item = visible(recordKey, authentication);
		if (!item.fields().containsKey(field)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No field " + field);
		}
		boolean reveal = MyNumberPolicy.mayReveal(authentication, this.reviews.job(item).orElse(null));
		if (masked(item, field, reveal)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "My Numbers are masked for you");
		}
		BufferedImage crop = this.crops.crop(item, field)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No scan for " + recordKey));
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(crop, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/** The record after this one in the user's queue (wrapping round), or null. */
	String next(String recordKey, Authentication authentication) {
		List<ReviewItem> items = queue(authentication);
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).recordKey().equals(recordKey)) {
				return (items.size() > 1) ? items.get((i + 1) % items.size()).recordKey() : null;
			}
		}
		return items.isEmpty() ? null : items.get(0).recordKey();
	}

	private static boolean masked(ReviewItem item, String field, boolean reveal) {
		return !reveal && MyNumberPolicy.TYPE.equals(item.type(field));
	}

	/**
	 * When the last doubtful record of a run is decided, the run's approved records go
	 * on.
	 */
	private void finishIfReviewed(ReviewItem decided) {
		if (this.reviews.queue(null).stream().noneMatch((i) -> i.runId().equals(decided.runId()))) {
			this.runs.finishReviewedLater(decided.jobId(), decided.runId());
		}
	}

}
