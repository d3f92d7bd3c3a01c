package jp.digilab.ocr;

/**
 * Times the stages of a page for the debug log.
 */
final class StageTimer {

	private final StringBuilder laps = new StringBuilder();

	private long last;

	void start() {
		this.laps.setLength(0);
		this.last = System.nanoTime();
	}

	void lap(String stage) {
		long now = System.nanoTime();
		this.laps.append((this.laps.length() > 0) ? ", " : "").append(stage).append(' ');
		this.laps.append((now - this.last) / 1_000_000).append(" ms");
		this.last = now;
	}

	@Override
	public String toString() {
		return this.laps.toString();
	}

}
