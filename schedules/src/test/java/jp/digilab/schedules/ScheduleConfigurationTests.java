package jp.digilab.schedules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The module as the application wires it: Boot's Quartz auto-configuration (in-memory
 * store here), a fake {@link JobStarter}, and schedules firing every second.
 */
class ScheduleConfigurationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(8);

	@TempDir
	Path home;

	private final FakeStarter starter = new FakeStarter();

	@BeforeEach
	void setUp() throws IOException {
		Files.createDirectories(this.home.resolve("schedules"));
		Files.createDirectories(this.home.resolve("jobs"));
		Files.writeString(this.home.resolve("jobs/juminhyo.yml"), "id: juminhyo\n");
		Files.writeString(this.home.resolve("jobs/koseki.yml"), "id: koseki\n");
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(QuartzAutoConfiguration.class))
			.withUserConfiguration(ScheduleConfiguration.class)
			.withBean(JobStarter.class, () -> this.starter)
			.withPropertyValues("digilab.home=" + this.home, "digilab.scheduler.reload-seconds=1");
	}

	@Test
	void commandLineContextsStartNoSchedules() throws IOException {
		write("everysecond", "job: juminhyo\ncron: \"* * * * * ?\"\n");
		runner().run((context) -> {
			assertThat(context).doesNotHaveBean(ScheduleRegistrar.class);
			assertThat(context).hasSingleBean(ScheduleService.class);
			assertThat(context.getBean(ScheduleService.class).overview(1).schedules()).hasSize(1);
		});
	}

	@Test
	void goodScheduleFiresWhileABadOneIsReportedAndSkipped() throws IOException {
		write("everysecond", "job: juminhyo\ncron: \"* * * * * ?\"\n");
		Path bad = write("broken", "job: koseki\ncron: \"* * * * * ?\"\nmisfire: sometimes\n");
		runner().withPropertyValues("digilab.scheduler.enabled=true").run((context) -> {
			await().atMost(PATIENCE).until(() -> !this.starter.calls.isEmpty());
			assertThat(this.starter.calls).containsOnly("juminhyo/everysecond");
			assertThat(context.getBean(ScheduleService.class).overview(1).problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.message())
					.isEqualTo(bad + " line 4: misfire 'sometimes' is not one of run-once, skip"));
		});
	}

	@Test
	void fileChangedOnDiskIsReloaded() throws IOException {
		write("nightly", "job: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n");
		runner().withPropertyValues("digilab.scheduler.enabled=true").run((context) -> {
			Thread.sleep(1200);
			assertThat(this.starter.calls).isEmpty();

			write("nightly", "job: koseki\ncron: \"* * * * * ?\"\n");

			await().atMost(PATIENCE).until(() -> !this.starter.calls.isEmpty());
			assertThat(this.starter.calls).containsOnly("koseki/nightly");
		});
	}

	@Test
	void runsOfTheSameJobNeverOverlap() throws IOException {
		this.starter.runMillis = 1100;
		write("first", "job: juminhyo\ncron: \"* * * * * ?\"\n");
		write("second", "job: juminhyo\ncron: \"* * * * * ?\"\n");
		runner().withPropertyValues("digilab.scheduler.enabled=true").run((context) -> {
			await().atMost(PATIENCE).until(() -> this.starter.calls.size() >= 3);
			assertThat(this.starter.maxConcurrent.get()).isEqualTo(1);
		});
	}

	private Path write(String id, String yaml) throws IOException {
		return Files.writeString(this.home.resolve("schedules").resolve(id + ".yml"), "id: " + id + "\n" + yaml);
	}

	static class FakeStarter implements JobStarter {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxConcurrent = new AtomicInteger();

		volatile long runMillis;

		@Override
		public void start(String jobId, String scheduleId, List<java.nio.file.Path> files) throws Exception {
			this.maxConcurrent.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			try {
				this.calls.add(jobId + "/" + scheduleId);
				Thread.sleep(this.runMillis);
			}
			finally {
				this.running.decrementAndGet();
			}
		}

	}

}
