package com.chargeline.usage.rating;

/** What prices an account's usage: one version of a deck, for calls and for messages. */
public record PriceList(RateDeck calls, SmsRates sms) {
}
