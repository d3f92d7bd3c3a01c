package jp.digilab.ocr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times the stages of a page for the debug log: wall-clock time and the thread's CPU time
 * (which includes the time spent inside Tesseract and Leptonica, and which other work on
 * the machine does not inflate).
 */
final class StageTimer {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final StringBuilder laps = new StringBuilder();

	private long last;

	private long lastCpu;

	void start() {
		this.laps.setLength(0);
		this.last = System.nanoTime();
		this.lastCpu = cpu();
	}

	void lap(String stage) {
		long now = System.nanoTime();
		long cpu = cpu();
		this.laps.append((this.laps.length() > 0) ? ", " : "").append(stage).append(' ');
		this.laps.append((now - this.last) / 1_000_000).append(" ms");
		if (cpu >= 0) {
			this.laps.append(" cpu ").append((cpu - this.lastCpu) / 1_000_000);
		}
		this.last = now;
		this.lastCpu = cpu;
	}

	private static long cpu() {
		return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
	}

	@Override
	public String toString() {
		return this.laps.toString();
	}

}
