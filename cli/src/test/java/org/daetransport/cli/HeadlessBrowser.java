package org.daetransport.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads a report page in headless Chromium (Debian's {@code chromium}) and reports, for every
 * image, whether it loaded: a harness page frames the report and writes the result into its DOM,
 * which Chromium prints with {@code --dump-dom}.
 */
final class HeadlessBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessBrowser() {
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Returns the harness's verdict line: {@code images=N loaded=K broken=[...] title=...}. */
    static String checkImages(Path reportDir) throws IOException, InterruptedException {
        Path harness = reportDir.resolveSibling(reportDir.getFileName() + "-harness.html");
        Files.writeString(harness, """
                <!DOCTYPE html><html><body><pre id="verdict">pending</pre>
                <iframe id="f" src="%s/index.html" width="1000" height="800"></iframe>
                <script>
                document.getElementById('f').addEventListener('load', () => {
                  const doc = document.getElementById('f').contentDocument;
                  const imgs = Array.from(doc.images);
                  const check = () => {
                    if (imgs.some(i => !i.complete)) { setTimeout(check, 50); return; }
                    const broken = imgs.filter(i => i.naturalWidth === 0).map(i => i.getAttribute('src'));
                    document.getElementById('verdict').textContent = 'images=' + imgs.length + ' loaded='
                      + (imgs.length - broken.length) + ' broken=[' + broken.join(',') + '] title=' + doc.title;
                  };
                  check();
                });
                </script></body></html>
                """.formatted(reportDir.getFileName()), StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory("chromium-profile");
        Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--allow-file-access-from-files", "--user-data-dir=" + profile,
                "--virtual-time-budget=10000", "--dump-dom", harness.toUri().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 60 s");
        }
        int start = dom.indexOf("<pre id=\"verdict\">");
        int end = dom.indexOf("</pre>", start);
        if (start < 0 || end < 0) {
            throw new IOException("no verdict in chromium's DOM: " + dom);
        }
        return dom.substring(start + "<pre id=\"verdict\">".length(), end);
    }
}
