package jp.digilab.app.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console or API handler that serves the content of a file (a scan crop, an
 * evidence screenshot, a template preview, a report, an output). The security tests find
 * every such handler (this marker, or a handler returning a {@code Resource},
 * {@code byte[]}, {@code StreamingResponseBody} or writing to the response) and attack it
 * with path traversal ({@code ../}, {@code %2e%2e%2f}, absolute paths) and with the ids
 * of other departments: a handler must resolve what it serves from ids it looked up, and
 * check that the result stays inside the folder it serves from.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServesFile {

	/**
	 * Whether what is served belongs to a department (a record's scan, a run's evidence),
	 * so that a reviewer of another department must be refused.
	 * @return whether the served file is scoped by department
	 */
	boolean departmentScoped() default false;

}
