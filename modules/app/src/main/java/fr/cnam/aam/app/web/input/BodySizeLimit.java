package fr.cnam.aam.app.web.input;

import fr.cnam.aam.app.web.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** A request body larger than {@code aam.input.max-body-bytes} is refused (413) before anything reads it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    private final InputProperties input;

    BodySizeLimit(InputProperties input) {
        this.input = input;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > input.maxBodyBytes()) {
            ProblemJson.bodyTooLarge(response, input.maxBodyBytes());
            return;
        }
        chain.doFilter(request, response);
    }
}
