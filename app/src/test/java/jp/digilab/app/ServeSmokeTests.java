package jp.digilab.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jp.digilab.app.demo.DemoHomes;
import jp.digilab.schedules.holiday.JapaneseHolidays;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code serve} on the sample home: Quartz with its JDBC store in the H2 file database
 * holds the sample schedule, and the REST API answers logged-in users only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "digilab.scheduler.enabled=true", "spring.quartz.auto-startup=true",
				"digilab.inbox.enabled=false" })
@AutoConfigureMockMvc
class ServeSmokeTests {

	static final Path home = DemoHomes.freshCopy();

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

	@Test
	void theSampleScheduleIsInQuartz() throws Exception {
		assertThat(this.scheduler.isStarted()).isTrue();
		assertThat(this.scheduler.getMetaData().getJobStoreClass().getSimpleName())
			.isEqualTo("LocalDataSourceJobStore");
		List<String> triggers = this.scheduler.getTriggerKeys(GroupMatcher.anyGroup())
			.stream()
			.map(TriggerKey::getName)
			.toList();
		assertThat(triggers).contains("nightly-juminhyo");
	}

	@Test
	void schedulesApiSkipsHolidaysAndWeekends() throws Exception {
		Map<String, Object> body = JsonMapper.builder()
			.build()
			.readValue(get("/api/schedules?next=10"), new TypeReference<Map<String, Object>>() {
			});
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> schedules = (List<Map<String, Object>>) body.get("schedules");
		assertThat(schedules).singleElement().satisfies((s) -> {
			assertThat(s.get("job")).isEqualTo("juminhyo");
			@SuppressWarnings("unchecked")
			List<String> times = (List<String>) s.get("nextFireTimes");
			assertThat(times).hasSize(10).allSatisfy((t) -> {
				ZonedDateTime time = ZonedDateTime.parse(t);
				assertThat(time.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
				assertThat(JapaneseHolidays.isCityClosed(time.toLocalDate())).isFalse();
				assertThat(time.getHour()).isEqualTo(2);
				assertThat(time.getMinute()).isEqualTo(30);
			});
		});
		assertThat((List<?>) body.get("problems")).isEmpty();
	}

	@Test
	void runsApiAnswers() throws Exception {
		assertThat(get("/api/runs")).isEqualTo("[]");
	}

	@Test
	void theApiNeedsALogin() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/runs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	private String get(String path) throws Exception {
		return this.mvc.perform(MockMvcRequestBuilders.get(path).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	static {
		assertThat(Files.isDirectory(home)).isTrue();
	}

}
