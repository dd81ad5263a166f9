package com.chargeline.api.v1;

import com.chargeline.usage.ingest.CallRecord;
import com.chargeline.usage.ingest.SmsRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire names → records: for calls Zoom's call_charges names plus direction, times, duration and
 * result; for messages the sms_charges names plus direction and size.
 */
final class CallRecordsReader {
    private CallRecordsReader() {
    }

    static List<CallRecord> read(RecordsBody body) {
        body.requireKnown(CallRecord.FIELDS);
        var out = new ArrayList<CallRecord>(body.size());
        for (int i = 0; i < body.size(); i++) {
            out.add(new CallRecord(body.string(i, "call_log_id"),
                    new CallRecord.Parties(body.string(i, "direction"), body.string(i, "caller_number"),
                            body.string(i, "callee_number"), body.string(i, "extension_number")),
                    new CallRecord.Timing(body.time(i, "start_time"), body.time(i, "answer_time"), body.time(i, "end_time"),
                            body.integer(i, "duration_seconds")),
                    new CallRecord.Outcome(body.string(i, "result"), body.string(i, "service_type"),
                            body.bool(i, "call_center")),
                    new CallRecord.Attribution(body.string(i, "calling_party_name"), body.string(i, "cost_center"),
                            body.string(i, "employee_id"), body.string(i, "department"), body.string(i, "billing_number"),
                            body.string(i, "billing_account_id"), body.string(i, "caller_billing_number"),
                            body.string(i, "callee_billing_number"), body.string(i, "forward_number_billing"))));
        }
        body.check();
        return out;
    }

    static List<SmsRecord> readSms(RecordsBody body) {
        body.requireKnown(SmsRecord.FIELDS);
        var out = new ArrayList<SmsRecord>(body.size());
        for (int i = 0; i < body.size(); i++) {
            var segments = body.smallInteger(i, "segments");
            var length = body.smallInteger(i, "text_length");
            out.add(new SmsRecord(body.string(i, "message_id"), body.string(i, "session_id"), body.string(i, "message_type"),
                    body.string(i, "direction"),
                    new SmsRecord.Party(body.string(i, "from_number"), body.string(i, "from_extension_number"),
                            body.string(i, "from_display_name")),
                    new SmsRecord.Party(body.string(i, "to_number"), body.string(i, "to_extension_number"),
                            body.string(i, "to_display_name")),
                    body.time(i, "sent_time"),
                    new SmsRecord.Size(segments, length, body.string(i, "encoding")),
                    new SmsRecord.Attribution(body.string(i, "billing_number"), body.string(i, "cost_center"),
                            body.string(i, "department"))));
        }
        body.check();
        return out;
    }
}
