package jp.digilab.jobs.export;

import java.nio.file.Path;

/**
 * A file an export wrote.
 *
 * @param path where it is, in {@code out/JOB/YYYY-MM-DD/}
 * @param format {@code xlsx} or {@code csv}
 * @param rows data rows written (header not counted)
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record OutputFile(Path path, String format, long rows, String sha256) {

}
