/**
 * The JavaFX window. A screen is a {@code FooView} and a {@code FooViewModel}; the view model holds the state
 * and is tested without FX. Core progress listeners are turned into properties on the FX thread here.
 *
 * <p>The only package allowed to use JavaFX or Swing.
 */
package io.seamline.ui;
