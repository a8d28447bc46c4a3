package fr.cnam.aam.app.web.container;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The errors the servlet container answers itself, before the application sees the request (an encoded slash in
 * the path, a malformed request line): {@code application/problem+json} like every other error of the API, not
 * Tomcat's HTML page (which also names the server's version).
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
            String title = known == null ? "Error " + status : known.getReasonPhrase();
            String json = "{\"type\":\"about:blank\",\"title\":\"" + title
                          + "\",\"status\":" + status + ",\"detail\":\"the request was refused before it reached "
                          + "the application (malformed path or request line)\"}";
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to say
        }
    }
}
