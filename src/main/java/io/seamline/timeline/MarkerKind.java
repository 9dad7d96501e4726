package io.seamline.timeline;

/** What a point marker on the timeline stands for. */
public enum MarkerKind {
    SIP_REQUEST, SIP_RESPONSE, ANSWERED, HOLD, RESUME, MEDIA_CHANGE, STREAM_CHANGE, REJECTED, HANGUP, ANNOTATION, OTHER
}
