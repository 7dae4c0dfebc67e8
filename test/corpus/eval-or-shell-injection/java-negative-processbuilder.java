// expect: none
package com.acme.tools;

import java.io.IOException;

public class SafeExporter {
    public Process export(String reportName) throws IOException {
        return new ProcessBuilder("/opt/reports/export.sh", reportName).start();
    }

    public Process uptime() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"uptime"});
    }
}
