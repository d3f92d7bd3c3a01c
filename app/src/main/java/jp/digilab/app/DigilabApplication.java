package jp.digilab.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The composition root: every module's configuration under {@code jp.digilab}. */
@SpringBootApplication(scanBasePackages = "jp.digilab")
public class DigilabApplication {

}
