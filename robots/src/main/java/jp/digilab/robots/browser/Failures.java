package jp.digilab.robots.browser;

import java.io.IOException;

import org.openqa.selenium.NoSuchSessionException;
import org.openqa.selenium.SessionNotCreatedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.remote.UnreachableBrowserException;

/**
 * Tells transient failures (worth retrying the record) from the others, and turns an
 * exception into a short reason.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * Whether retrying the record may help: timeouts, stale elements, an unexpected
	 * alert, or a browser that went away.
	 * @param failure the failure (or any of its causes)
	 * @return true if transient
	 */
	public static boolean isTransient(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof TimeoutException || t instanceof StaleElementReferenceException
					|| t instanceof UnhandledAlertException || isConnectionLost(t)) {
				return true;
			}
			if (t instanceof java.util.concurrent.TimeoutException || isNetworkError(t)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the browser could not reach the legacy system (connection refused or reset,
	 * name not resolved, network timeout): worth retrying, the browser itself is fine.
	 * @param failure the failure
	 * @return true for a network error page
	 */
	public static boolean isNetworkError(Throwable failure) {
		return failure instanceof WebDriverException e && String.valueOf(e.getRawMessage()).contains("net::ERR_");
	}

	/**
	 * Whether the failure says that the browser or its driver is gone.
	 * @param failure the failure
	 * @return true if the session cannot be used any more
	 */
	public static boolean isConnectionLost(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof NoSuchSessionException || t instanceof UnreachableBrowserException
					|| t instanceof SessionNotCreatedException || t instanceof IOException) {
				return true;
			}
			if (t instanceof WebDriverException e) {
				String m = String.valueOf(e.getRawMessage());
				if (m.contains("not reachable") || m.contains("disconnected") || m.contains("session deleted")
						|| m.contains("invalid session id") || m.contains("tab crashed")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A one-line reason, without Selenium's build and system information.
	 * @param failure the failure
	 * @return the reason
	 */
	public static String reason(Throwable failure) {
		String message = (failure instanceof WebDriverException e) ? e.getRawMessage() : failure.getMessage();
		if (message == null || message.isBlank()) {
			message = (failure.getCause() != null && failure.getCause() != failure) ? reason(failure.getCause())
					: failure.getClass().getSimpleName();
		}
		String first = message.strip().lines().findFirst().orElse(message).strip();
		if (isNetworkError(failure)) {
			return "cannot reach the page: " + first.replaceFirst("^unknown error: ", "");
		}
		if (failure instanceof WebDriverException && !(failure instanceof TimeoutException)) {
			String kind = failure.getClass().getSimpleName();
			if (!first.startsWith(kind) && !kind.equals("WebDriverException")) {
				first = kind + ": " + first;
			}
		}
		return (first.length() > 300) ? first.substring(0, 300) + "…" : first;
	}

}
