package jp.digilab.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the jobs module alone for its functional tests. */
@SpringBootApplication
public class TestApplication {

}
