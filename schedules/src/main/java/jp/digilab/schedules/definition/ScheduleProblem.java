package jp.digilab.schedules.definition;

import java.nio.file.Path;

/**
 * A schedule file that was not (or not fully) applied.
 *
 * @param scheduleId the file's name without {@code .yml}
 * @param file the schedule file
 * @param message one line: the file, the line if known, and what is wrong
 */
public record ScheduleProblem(String scheduleId, Path file, String message) {

}
