package jp.digilab.jobs.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * This process as a node of the engine: a row in {@code dl_node} whose heartbeat is
 * renewed every few seconds while the process lives. Runs record the node that runs them,
 * so that another node can tell a run that is still going from one whose node died
 * ({@link #isAlive(String)}) and take it over. With one node on H2 the same rows tell a
 * server that starts which runs a crashed process left behind.
 *
 * <p>
 * Node clocks are compared (as Quartz's cluster does): keep them synchronised (NTP).
 */
public class ClusterNode implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

	private final JdbcClient jdbc;

	private final String id;

	private final String host;

	private final String hostKey;

	private final long pid;

	private final Duration heartbeat;

	private final Duration timeout;

	private final LongSupplier clock;

	private volatile ScheduledExecutorService beats;

	public ClusterNode(JdbcClient jdbc, Duration heartbeat, Duration timeout) {
		this(jdbc, heartbeat, timeout, System::currentTimeMillis, localHost(), hostKey(localHost()),
				ProcessHandle.current().pid());
	}

	ClusterNode(JdbcClient jdbc, Duration heartbeat, Duration timeout, LongSupplier clock, String host, String hostKey,
			long pid) {
		this.jdbc = jdbc;
		this.heartbeat = heartbeat;
		this.timeout = timeout;
		this.clock = clock;
		this.host = host;
		this.hostKey = hostKey;
		this.pid = pid;
		// host and pid for people reading the table; the random part keeps ids unique
		// across restarts and containers that share a host name
		this.id = host + "-" + pid + "-"
				+ HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(0x10000));
	}

	/** This node's id, as written in {@code dl_node} and {@code dl_run.node_id}. */
	public String id() {
		return this.id;
	}

	public Duration timeout() {
		return this.timeout;
	}

	@Override
	public synchronized void start() {
		if (this.beats != null) {
			return;
		}
		this.jdbc.sql("""
				insert into dl_node (node_id, host, host_key, pid, started_at, heartbeat_millis)
				values (?, ?, ?, ?, ?, ?)""")
			.params(this.id, this.host, this.hostKey, this.pid, LocalDateTime.now(), this.clock.getAsLong())
			.update();
		this.beats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "digilab-node-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.heartbeat.toMillis();
		this.beats.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
		log.info("Node {} started (heartbeat every {} s, taken for dead after {} s without one)", this.id,
				this.heartbeat.toSeconds(), this.timeout.toSeconds());
	}

	@Override
	public synchronized void stop() {
		if (this.beats == null) {
			return;
		}
		this.beats.shutdownNow();
		this.beats = null;
		try {
			// a clean stop: the runs this node leaves STARTED can be taken over at once
			this.jdbc.sql("delete from dl_node where node_id = ?").param(this.id).update();
		}
		catch (RuntimeException ex) {
			log.warn("Node {} could not sign off: {}", this.id, ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.beats != null;
	}

	/** Started before every other bean, stopped after them: runs stop before the node. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

	void beat() {
		try {
			int updated = this.jdbc.sql("update dl_node set heartbeat_millis = ? where node_id = ?")
				.params(this.clock.getAsLong(), this.id)
				.update();
			if (updated == 0) {
				// removed by another node that took us for dead (a long pause): our runs
				// may
				// have been taken over; come back so that new runs are ours again
				log.warn("Node {} was signed off by another node; signing on again", this.id);
				this.jdbc.sql("""
						insert into dl_node (node_id, host, host_key, pid, started_at, heartbeat_millis)
						values (?, ?, ?, ?, ?, ?)""")
					.params(this.id, this.host, this.hostKey, this.pid, LocalDateTime.now(), this.clock.getAsLong())
					.update();
			}
		}
		catch (RuntimeException ex) {
			// the database may be away for a moment; the next beat tries again
			log.warn("Node {} heartbeat failed: {}", this.id, ex.toString());
		}
	}

	/**
	 * Whether the node is alive: it has signed on and not off, its heartbeat is recent,
	 * and, when it ran on this very machine, its process still exists (so that a crash is
	 * seen at once rather than after the timeout).
	 */
	public boolean isAlive(String nodeId) {
		if (this.id.equals(nodeId)) {
			return true;
		}
		Optional<Row> row = this.jdbc.sql("select host_key, pid, heartbeat_millis from dl_node where node_id = ?")
			.param(nodeId)
			.query((rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.optional();
		if (row.isEmpty()) {
			return false;
		}
		if (row.get().hostKey().equals(this.hostKey)
				&& !ProcessHandle.of(row.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		return this.clock.getAsLong() - row.get().heartbeatMillis() < this.timeout.toMillis();
	}

	/** Removes the rows of dead nodes that no unfinished run names any more. */
	public void forgetDeadNodes() {
		for (String node : this.jdbc.sql("""
				select node_id from dl_node n where not exists
				  (select 1 from dl_run r where r.node_id = n.node_id and r.status = 'STARTED')""")
			.query(String.class)
			.list()) {
			if (!isAlive(node)) {
				this.jdbc.sql("delete from dl_node where node_id = ?").param(node).update();
			}
		}
	}

	private record Row(String hostKey, long pid, long heartbeatMillis) {
	}

	private static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	/**
	 * Names this machine and process namespace, so that a process id is only looked up
	 * where it means the same process: host name, Linux boot id and pid namespace.
	 */
	static String hostKey(String host) {
		StringBuilder key = new StringBuilder(host);
		try {
			key.append('|').append(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip());
			key.append('|').append(Files.readSymbolicLink(Path.of("/proc/self/ns/pid")));
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: the host name alone, and the pid check is skipped for other
			// hosts
			key.append("|?");
		}
		return key.toString();
	}

}
