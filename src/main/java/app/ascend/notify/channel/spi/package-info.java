/**
 * The seam between the core and the channel types: what a channel package implements
 * ({@link app.ascend.notify.channel.spi.ChannelType}, {@link app.ascend.notify.channel.spi.ChannelSettings})
 * and the values that cross it, and what several types read alike from their settings
 * ({@link app.ascend.notify.channel.spi.RunbookLinks}). It imports only the event model and request-field reading.
 */
package app.ascend.notify.channel.spi;
