package com.rabaislocal.sdk.monitoring.alerts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads a host's TLS certificate from a real handshake: when it expires. The handshake accepts any certificate
 * (an expired or self-signed one must still be read, to be reported) and sends no application data: this is a
 * reading, never a connection the SDK trusts.
 */
public final class TlsCertificates {

    private TlsCertificates() {
    }

    /**
     * Connects, completes a handshake with SNI, and returns the leaf certificate's end of validity.
     *
     * @param host the host name (also sent as SNI)
     * @param port the port, e.g. 443
     * @param timeout the connect and handshake limit
     * @return the leaf certificate's {@code notAfter}
     * @throws IOException when the host cannot be reached or sends no certificate
     */
    public static Instant notAfter(String host, int port, Duration timeout) throws IOException {
        X509Certificate[][] seen = new X509Certificate[1][];
        TrustManager recordAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // Not a server: no client certificates are checked.
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain;
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {recordAll}, new SecureRandom());
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                s.setSoTimeout((int) timeout.toMillis());
                SSLParameters p = s.getSSLParameters();
                if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
                    p.setServerNames(List.of(new SNIHostName(host)));
                }
                s.setSSLParameters(p);
                s.startHandshake();
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
        if (seen[0] == null || seen[0].length == 0) {
            throw new IOException(host + ":" + port + " sent no certificate");
        }
        return seen[0][0].getNotAfter().toInstant();
    }
}
