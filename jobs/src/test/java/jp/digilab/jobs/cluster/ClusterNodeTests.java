package jp.digilab.jobs.cluster;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jp.digilab.jobs.run.RunRepository;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a node counts as dead, and that a run is taken over by exactly one node: on our
 * tables (Flyway migrations) in an in-memory H2 database, with a clock the test moves.
 */
class ClusterNodeTests {

	static final Duration BEAT = Duration.ofSeconds(5);

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	final AtomicLong clock = new AtomicLong(1_000_000);

	SingleConnectionDataSource dataSource;

	JdbcClient jdbc;

	@BeforeEach
	void database() {
		this.dataSource = new SingleConnectionDataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", true);
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	@AfterEach
	void close() {
		this.dataSource.destroy();
	}

	ClusterNode node(String host, long pid) {
		return new ClusterNode(this.jdbc, BEAT, TIMEOUT, this.clock::get, host, host + "|boot|pidns", pid);
	}

	@Test
	void aNodeOnAnotherHostIsDeadOnceItsHeartbeatIsOlderThanTheTimeout() {
		ClusterNode other = node("host-a", 4242);
		ClusterNode self = node("host-b", ProcessHandle.current().pid());
		other.start();
		try {
			this.clock.addAndGet(TIMEOUT.toMillis() - 1);
			assertThat(self.isAlive(other.id())).isTrue();
			other.beat();
			this.clock.addAndGet(TIMEOUT.toMillis() - 1);
			assertThat(self.isAlive(other.id())).as("its last beat renewed it").isTrue();
			this.clock.addAndGet(2);
			assertThat(self.isAlive(other.id())).isFalse();
		}
		finally {
			other.stop();
		}
	}

	@Test
	void aNodeOnThisMachineWhoseProcessIsGoneIsDeadAtOnce() {
		long gone = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 100_000;
		ClusterNode crashed = node("this-host", gone);
		ClusterNode self = node("this-host", ProcessHandle.current().pid());
		crashed.start();
		try {
			assertThat(self.isAlive(crashed.id())).isFalse();
			assertThat(self.isAlive(self.id())).isTrue();
		}
		finally {
			crashed.stop();
		}
	}

	@Test
	void aNodeThatSignedOffIsDeadAndForgotten() {
		ClusterNode other = node("host-a", 4242);
		ClusterNode self = node("host-b", ProcessHandle.current().pid());
		other.start();
		other.stop();
		assertThat(self.isAlive(other.id())).isFalse();
		assertThat(this.jdbc.sql("select count(*) from dl_node").query(Integer.class).single()).isZero();
	}

	@Test
	void aRunIsTakenOverByExactlyOneNode() {
		RunRepository runs = new RunRepository(this.jdbc);
		runs.createRun("run-1", "job", "課", 1L, 5.0, "dead-node");
		runs.finishRun("run-1", "STARTED");

		List<Boolean> taken = List.of(runs.takeOver("run-1", "dead-node", "node-a"),
				runs.takeOver("run-1", "dead-node", "node-b"));

		assertThat(taken).containsExactly(true, false);
		assertThat(runs.findRun("run-1").orElseThrow().nodeId()).isEqualTo("node-a");
		assertThat(runs.unfinishedRuns()).extracting(RunRepository.RunInfo::runId).containsExactly("run-1");
	}

}
