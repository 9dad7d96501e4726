package io.seamline.casefile;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who performed an action recorded in the custody log: the examiner, the OS account and the host. */
public record Actor(String examiner, String osUser, String host) {

    /** The actor for this process: the given examiner name with the current OS user and host name. */
    public static Actor current(String examiner) {
        String user = System.getProperty("user.name", "unknown");
        return new Actor(examiner, user, hostName());
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
