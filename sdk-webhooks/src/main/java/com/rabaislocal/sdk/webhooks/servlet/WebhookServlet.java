package com.rabaislocal.sdk.webhooks.servlet;

import com.rabaislocal.sdk.webhooks.WebhookReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * A Jakarta Servlet (6.x, {@code jakarta.servlet}) that hands every request, whatever its method, to a
 * {@link WebhookReceiver} and writes its standard answer. Register one per webhook path, e.g.
 * {@code context.addServlet("mailersend", new WebhookServlet(receiver)).addMapping("/webhooks/mailersend")}.
 *
 * <p>The client IP is found by the receiver's {@link com.rabaislocal.sdk.webhooks.ClientIpResolver} from
 * {@code getRemoteAddr()}; turn off a container's own forwarded-header rewriting, or list the container's view as a
 * trusted proxy, so a forged header is not trusted twice. The servlet API is a provided dependency.
 */
public class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WebhookReceiver receiver;

    /**
     * @param receiver the receiver; the servlet does not close it
     */
    public WebhookServlet(WebhookReceiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ServletExchange.write(receiver.handle(ServletExchange.toRequest(req)), resp);
    }
}
