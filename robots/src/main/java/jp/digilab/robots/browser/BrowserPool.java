package jp.digilab.robots.browser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Up to {@code size} browser sessions, started when first needed and lent to one record
 * at a time.
 */
public final class BrowserPool implements AutoCloseable {

	private final Supplier<BrowserSession> launcher;

	private final int size;

	private final Deque<BrowserSession> idle = new ArrayDeque<>();

	private final Set<BrowserSession> all = new LinkedHashSet<>();

	private int starting;

	private boolean closed;

	public BrowserPool(Supplier<BrowserSession> launcher, int size) {
		this.launcher = launcher;
		this.size = Math.max(size, 1);
	}

	public int size() {
		return this.size;
	}

	/**
	 * Borrow a session, starting one if fewer than {@code size} exist, else waiting for
	 * one.
	 * @return the session
	 * @throws IllegalStateException if the pool is closed
	 */
	public BrowserSession borrow() {
		synchronized (this) {
			while (true) {
				if (this.closed) {
					throw new IllegalStateException("the robot runner is closed");
				}
				if (!this.idle.isEmpty()) {
					return this.idle.pop();
				}
				if (this.all.size() + this.starting < this.size) {
					this.starting++;
					break;
				}
				try {
					wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for a browser");
				}
			}
		}
		BrowserSession session = null;
		try {
			session = this.launcher.get();
			return session;
		}
		finally {
			boolean quit;
			synchronized (this) {
				this.starting--;
				quit = this.closed && session != null;
				if (session != null && !quit) {
					this.all.add(session);
				}
				notifyAll();
			}
			if (quit) {
				session.quit();
				throw new IllegalStateException("the robot runner is closed");
			}
		}
	}

	/**
	 * Give a session back.
	 * @param session the session
	 */
	public void release(BrowserSession session) {
		synchronized (this) {
			if (!this.closed) {
				this.idle.push(session);
				notifyAll();
				return;
			}
			this.all.remove(session);
		}
		session.quit();
	}

	/**
	 * Quit a broken session; the next borrower starts a new one.
	 * @param session the session
	 */
	public void discard(BrowserSession session) {
		synchronized (this) {
			this.all.remove(session);
			this.idle.remove(session);
			notifyAll();
		}
		session.quit();
	}

	/**
	 * The sessions started and not yet quit (for tests and monitoring).
	 * @return the sessions
	 */
	public synchronized List<BrowserSession> sessions() {
		return new ArrayList<>(this.all);
	}

	/**
	 * Quit every browser.
	 */
	@Override
	public void close() {
		List<BrowserSession> toQuit;
		synchronized (this) {
			this.closed = true;
			toQuit = new ArrayList<>(this.all);
			this.all.clear();
			this.idle.clear();
			notifyAll();
		}
		toQuit.forEach(BrowserSession::quit);
	}

}
