// expect: eval-or-shell-injection@8, eval-or-shell-injection@12
package com.acme.tools;

import java.io.IOException;

public class ReportExporter {
    public Process export(String reportName) throws IOException {
        return Runtime.getRuntime().exec("/opt/reports/export.sh " + reportName);
    }

    public Process convert(String input) throws IOException {
        return new ProcessBuilder("sh", "-c", "libreoffice --convert-to pdf " + input).start();
    }
}
