package jp.digilab.app.console.review;

import java.nio.file.Path;

import jp.digilab.app.demo.DemoHomes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One running console on its own copy of the sample home for the review tests that run
 * the pipeline or a browser, so that their runs, ledger entries and users stay out of the
 * other console tests' home.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.quartz.auto-startup=false", "digilab.inbox.enabled=false" })
@AutoConfigureMockMvc
abstract class ReviewServerTestSupport {

	static final Path home = DemoHomes.freshCopy();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

}
