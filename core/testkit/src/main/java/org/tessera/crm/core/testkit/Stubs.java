package org.tessera.crm.core.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stand-ins for the service interfaces a module's code calls, in tests outside OSGi: one lambda
 * answers every call by the method's name, so that a test states only what it needs (a party found,
 * an agent that exists) without a mocking library. {@code equals}, {@code hashCode} and
 * {@code toString} answer as an identity, whatever the lambda does.
 */
public final class Stubs {
    private Stubs() {
    }

    /** What a call answers, from the method's name and its arguments (never null: no arguments is an empty array). */
    @FunctionalInterface
    public interface Answer {
        Object answer(String method, Object[] args);
    }

    /** Every call goes to {@code answer}, the interface's default methods included. */
    public static <T> T of(Class<T> type, Answer answer) {
        return proxy(type, (self, method, args) -> answer.answer(method.getName(), args));
    }

    /**
     * The interface's default methods run their own body (which calls the stubbed ones, such as
     * {@code CallerContext.callAsSystem} around the work); every other call goes to {@code answer}.
     */
    public static <T> T keepingDefaults(Class<T> type, Answer answer) {
        return proxy(type, (self, method, args) -> method.isDefault()
                ? InvocationHandler.invokeDefault(self, method, args)
                : answer.answer(method.getName(), args));
    }

    /**
     * A service that finds nothing: a method returning {@code Optional} answers empty, one returning
     * a list or a collection an empty list; any other call fails naming the method, so a test learns
     * what it did not expect to be called.
     */
    public static <T> T findingNothing(Class<T> type) {
        return proxy(type, (self, method, args) -> {
            if (method.getReturnType() == Optional.class) {
                return Optional.empty();
            }
            if (Collection.class.isAssignableFrom(method.getReturnType())) {
                return List.of();
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not expected here");
        });
    }

    private interface Call {
        Object invoke(Object self, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == arguments[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "stub of " + type.getSimpleName();
                };
            }
            return call.invoke(self, method, arguments);
        }));
    }
}
