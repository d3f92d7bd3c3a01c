package jp.digilab.app.observability;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jp.digilab.schedules.inbox.InboxStatus;
import jp.digilab.schedules.inbox.InboxWatcher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's figures for Prometheus. They are read from the database when scraped, not
 * counted in memory, so they survive restarts and agree across several nodes sharing one
 * database: what a manager reads on the dashboard and what the monitoring shows are the
 * same numbers.
 */
class EngineMetrics implements MeterBinder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ObjectProvider<InboxWatcher> watcher;

	EngineMetrics(JdbcClient jdbc, ObjectProvider<InboxWatcher> watcher) {
		this.jdbc = jdbc;
		this.watcher = watcher;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("digilab.pages.read", this, (m) -> m.number("select sum(pages) from dl_file"))
			.description("Pages of input files read by OCR")
			.register(registry);
		FunctionCounter
			.builder("digilab.files", this, (m) -> m.number("select count(*) from dl_file where status = 'FAILED'"))
			.tag("outcome", "failed")
			.description("Input files by outcome")
			.register(registry);
		FunctionCounter
			.builder("digilab.files", this, (m) -> m.number("select count(*) from dl_file where status = 'RECOGNIZED'"))
			.tag("outcome", "read")
			.description("Input files by outcome")
			.register(registry);
		FunctionCounter
			.builder("digilab.records.reviewed", this,
					(m) -> m.number("select count(*) from dl_record where reviewed_at is not null"))
			.description("Records a reviewer approved or rejected")
			.register(registry);
		FunctionCounter.builder("digilab.fields.reviewed", this, EngineMetrics::fieldsReviewed)
			.description("Fields of the records a reviewer checked")
			.register(registry);
		for (String outcome : List.of("OK", "SKIPPED", "FAILED")) {
			FunctionCounter
				.builder("digilab.robot.records", this,
						(m) -> m.number("select count(*) from dl_record where entry_status = '" + outcome + "'"))
				.tag("outcome", outcome.toLowerCase(java.util.Locale.ROOT))
				.description("Records a robot entered into a legacy system, by outcome")
				.register(registry);
		}
		Gauge.builder("digilab.hours.saved", this, (m) -> m.number("select sum(saved_minutes) from dl_ledger") / 60.0)
			.description("Staff hours saved, all runs in the ledger")
			.baseUnit("hours")
			.register(registry);
		Gauge.builder("digilab.inbox.queue.depth", this, (m) -> m.inbox(InboxStatus::pending))
			.description("Files in the watched inboxes that no run has taken yet")
			.register(registry);
		Gauge.builder("digilab.inbox.in.run", this, (m) -> m.inbox(InboxStatus::inRun))
			.description("Files of the watched inboxes handed to runs that are going")
			.register(registry);
	}

	private double number(String sql) {
		Number value = this.jdbc.sql(sql).query(Number.class).optional().orElse(null);
		return (value != null) ? value.doubleValue() : 0;
	}

	private double fieldsReviewed() {
		// fields_json is a map of field name to result: its entries are the fields shown
		return this.jdbc.sql("select fields_json from dl_record where reviewed_at is not null")
			.query(String.class)
			.list()
			.stream()
			.mapToInt((json) -> JSON.readValue(json, Map.class).size())
			.sum();
	}

	private double inbox(java.util.function.ToIntFunction<InboxStatus> count) {
		InboxWatcher inboxes = this.watcher.getIfAvailable();
		return (inboxes != null) ? inboxes.status().stream().mapToInt(count).sum() : 0;
	}

}
