package org.luoshi.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error shape of /api: {@code {"status":400,"field":"deadline","message":"截止日期不能早于下发日期"}}.
 * {@code field} is the English name of the request field at fault (absent when none is).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String field, String message) {}
