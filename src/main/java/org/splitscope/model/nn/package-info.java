/**
 * The layers the network is made of (convolutions, batch norm, linear) as DJL blocks that carry
 * PyTorch's module names, so that parameters map to checkpoint keys one to one; and a MAC counter.
 *
 * <p>May import: DJL only.
 */
package org.splitscope.model.nn;
